// The strict proxy machinery of the fake Excel host: queued operations, load-before-read, ClientResult.
// Every proxy property read checks that it was load()ed and synced, as the real host insists.

import { fail } from "./fake-state";

/** One queued instruction: what goes over the wire (`req`), what it does at sync, what it returns. */
export interface Op {
  req: unknown;
  run: () => unknown;
  commit?: (response: unknown) => void;
  /** The part of the response that goes over the wire (default: all of it). */
  wire?: (response: unknown) => unknown;
}

/** What a request context needs from the host. */
export interface SyncRunner {
  runSync(ctx: FakeContext): Promise<void>;
}

let nextId = 0;

/** The fake's RequestContext: a queue of operations that `sync()` sends in one batch. */
export class FakeContext {
  queue: Op[] = [];
  constructor(
    private readonly runner: SyncRunner,
    /** The run was given `{ delayForCellEdit: true }`. */
    readonly delayForCellEdit = false,
  ) {}
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  sync(): Promise<void> {
    return this.runner.runSync(this);
  }
}

export function notLoaded(prop: string, type: string): never {
  fail(
    "PropertyNotLoaded",
    `The property '${prop}' is not available on ${type}. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Splits a load() argument into property names ("a, b", ["a"], { select: "a" } or nothing = all). */
export function loadList(spec: unknown, all: readonly string[]): string[] {
  if (spec === undefined || spec === null) return [...all];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadList(s, all));
  if (typeof spec === "object" && "select" in spec)
    return loadList((spec as { select: unknown }).select, all);
  return fail("InvalidArgument", "load() takes a property list.");
}

/** Base of every proxy: loads snapshot values at sync, writes and calls are queued. */
export abstract class FakeObj {
  readonly _id = ++nextId;
  /** Set for objects made by …OrNullObject methods: true when they found nothing. */
  _nullCheck?: () => boolean;
  protected readonly _snap = new Map<string, unknown>();
  constructor(
    readonly _ctx: FakeContext,
    readonly _type: string,
  ) {}

  /** Scalar properties a load() with no argument fetches. */
  abstract _props(): readonly string[];
  /** The live value of a property at sync time. */
  abstract _read(prop: string): unknown;
  /** Applies a property write at sync time. */
  _write(prop: string, _value: unknown): void {
    fail("InvalidArgument", `${this._type}.${prop} cannot be set.`);
  }

  load(spec?: unknown): this {
    const props = loadList(spec, this._props());
    for (const p of props) {
      if (p.includes("/"))
        fail("InvalidArgument", `The fake does not load nested paths ("${p}") on ${this._type}.`);
      if (!this._props().includes(p)) fail("InvalidArgument", `${this._type} has no property '${p}'.`);
    }
    this._ctx.enqueue({
      req: { o: this._id, load: props },
      // Loading a null object is allowed (its properties stay unavailable); only isNullObject tells.
      run: () => (this._nullCheck?.() ? {} : Object.fromEntries(props.map((p) => [p, this._read(p)]))),
      commit: (r) => {
        for (const p of props) if (p in (r as object)) this._snap.set(p, (r as Record<string, unknown>)[p]);
      },
    });
    return this;
  }

  /** Sets snapshot values directly (collections hand loaded values to their items). */
  _fill(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this._snap.set(k, v);
  }

  _get(prop: string): unknown {
    if (!this._snap.has(prop)) notLoaded(prop, this._type);
    return this._snap.get(prop);
  }

  _set(prop: string, value: unknown): void {
    // Copy now: the caller may change its array before sync, and the real host serialises at once.
    const v = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    this._ctx.enqueue({
      req: { o: this._id, set: prop, v },
      run: () => {
        this._write(prop, v);
        return null;
      },
    });
  }

  _call(method: string, args: unknown[], fn: () => unknown, commit?: (r: unknown) => void): void {
    this._ctx.enqueue({ req: { o: this._id, call: method, a: args }, run: fn, commit });
  }

  /** True when the object was made by an …OrNullObject method that found nothing; readable after a sync. */
  get isNullObject(): boolean {
    return this._get("isNullObject") as boolean;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._snap);
  }
}

/**
 * Queues the creation of a proxy made by a method (getItem, getRange…): the sync resolves it, so a
 * missing item fails there (ItemNotFound), and sets isNullObject for …OrNullObject methods.
 */
export function created<T extends FakeObj>(obj: T, method: string, resolve: () => unknown): T {
  obj._nullCheck = () => resolve() === null;
  obj._ctx.enqueue({
    req: { o: obj._id, new: method },
    run: () => resolve() === null,
    commit: (isNull) => obj._fill({ isNullObject: isNull }),
  });
  return obj;
}

/** A proxy whose scalar properties are given by name, read and written through two callbacks. */
export class Bag extends FakeObj {
  constructor(
    ctx: FakeContext,
    type: string,
    // Not "names": a Workbook bag carries its own `names` (the defined names) as a child.
    private readonly propNames: readonly string[],
    private readonly reader: (p: string) => unknown = () => null,
    private readonly writer?: (p: string, v: unknown) => void,
  ) {
    super(ctx, type);
    for (const p of propNames) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => this._set(p, v),
        enumerable: true,
      });
    }
  }
  _props(): readonly string[] {
    return this.propNames;
  }
  _read(p: string): unknown {
    return this.reader(p);
  }
  override _write(p: string, v: unknown): void {
    if (!this.writer) super._write(p, v);
    else this.writer(p, v);
  }
  /** Adds child proxies or methods under fixed names. */
  with(extra: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(extra))
      Object.defineProperty(this, k, { value: v, enumerable: false });
    return this;
  }
}

/** The fake ClientResult<T>: `value` is readable only after the sync that computed it. */
export class FakeClientResult<T> {
  private done = false;
  private v: T | undefined;
  constructor(ctx: FakeContext, id: number, method: string, compute: () => T) {
    ctx.enqueue({
      req: { o: id, call: method },
      run: compute,
      commit: (r) => {
        this.v = r as T;
        this.done = true;
      },
    });
  }
  get value(): T {
    if (!this.done) notLoaded("value", "ClientResult");
    return this.v as T;
  }
}

/**
 * A proxy collection: `items` after load("items"), load("items/name,…") or load("name,…").
 * Items are bound to the state objects that existed at that sync.
 */
export abstract class FakeCollection<S, T extends FakeObj> extends FakeObj {
  abstract _list(): S[];
  abstract _wrap(state: S): T;
  abstract _itemProps(): readonly string[];

  _props(): readonly string[] {
    return ["items"];
  }
  _read(): unknown {
    return null;
  }
  override load(spec?: unknown): this {
    const all = this._itemProps();
    const raw = loadList(spec, ["items"]);
    const props = raw.flatMap((p) => (p === "items" ? [...all] : [p.replace(/^items\//, "")]));
    for (const p of props) {
      if (p.includes("/"))
        fail("InvalidArgument", `The fake does not load nested paths ("${p}") on ${this._type}.`);
      if (!all.includes(p)) fail("InvalidArgument", `${this._type} items have no property '${p}'.`);
    }
    this._ctx.enqueue({
      req: { o: this._id, load: raw },
      run: () => {
        const states = this._list();
        const rows = states.map((s) => {
          const proxy = this._wrap(s);
          return Object.fromEntries(props.map((p) => [p, proxy._read(p)]));
        });
        return { states, rows };
      },
      wire: (r) => (r as { rows: unknown }).rows,
      commit: (r) => {
        const { states, rows } = r as { states: S[]; rows: Record<string, unknown>[] };
        const items = states.map((s, i) => {
          const proxy = this._wrap(s);
          proxy._fill({ ...rows[i], isNullObject: false });
          return proxy;
        });
        this._snap.set("items", items);
      },
    });
    return this;
  }
  get items(): T[] {
    return this._get("items") as T[];
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this._ctx, this._id, "getCount", () => this._list().length);
  }
}
