// Size limits the readers enforce so a hostile or mistaken file is refused instead of exhausting memory.

/** Limits for reading one file; every field is optional and falls back to DEFAULT_LIMITS. */
export interface ReadLimits {
  /** Largest file accepted, checked before any parsing. */
  maxBytes?: number;
  /** Largest total uncompressed size an .xlsx's zip directory may claim (zip bombs). */
  maxUncompressedBytes?: number;
  /** Most rows of data per sheet (after trailing empty rows are dropped). */
  maxRows?: number;
  /** Most cells (rows × columns of data) per sheet. */
  maxCells?: number;
}

/** The defaults: 50 MB file, 300 MB uncompressed, 500,000 rows and 5 million cells per sheet. */
export const DEFAULT_LIMITS: Required<ReadLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxRows: 500_000,
  maxCells: 5_000_000,
};

/** Fills in the defaults for any limit not given. */
export function resolveLimits(limits: ReadLimits | undefined): Required<ReadLimits> {
  return { ...DEFAULT_LIMITS, ...stripUndefined(limits ?? {}) };
}

function stripUndefined(limits: ReadLimits): ReadLimits {
  const out: ReadLimits = {};
  for (const key of Object.keys(limits) as (keyof ReadLimits)[]) {
    const v = limits[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** "52.4 MB", "900 KB": sizes as an officer reads them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
