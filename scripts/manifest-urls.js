// The production manifest from the development one: every https://localhost:3000 address becomes the
// hosting address given as ADDIN_BASE_URL, as Microsoft's Office add-in templates do in webpack's
// CopyWebpackPlugin. Used by webpack.config.js and by tests/manifest.test.ts, so what is tested is what
// the build writes; nobody edits XML by hand to deploy.
"use strict";

/** Where the development manifest points (the dev server). */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * The hosting address as the manifest needs it: https, no query or fragment, ending in "/".
 * Throws a plain message naming ADDIN_BASE_URL when it is not such an address.
 * @param {string} raw
 * @returns {string}
 */
function normaliseBaseUrl(raw) {
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${text}" is not a web address; give the https address dist/ is hosted at.`);
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_BASE_URL "${text}" must start with https:// (Office loads add-ins over https only).`);
  if (url.search || url.hash)
    throw new Error(`ADDIN_BASE_URL "${text}" must be the folder dist/ is hosted at, without ? or #.`);
  return `${url.origin}${url.pathname.replace(/\/*$/, "/")}`;
}

/**
 * The manifest with every development address replaced by `baseUrl` (AppDomain too, which takes the
 * origin alone). With no `baseUrl` the manifest is returned as it is: development keeps localhost.
 * @param {string} xml
 * @param {string | undefined} baseUrl
 * @returns {string}
 */
function productionManifest(xml, baseUrl) {
  if (!baseUrl) return xml;
  const base = normaliseBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE_URL)
    .join(base);
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, productionManifest };
