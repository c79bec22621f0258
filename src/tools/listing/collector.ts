// Gathers what the families found: keeps the running tasks (de-duplicated, filtered by name), turns each into an
// item with its stop call, keeps one error entry per family, and builds the result when the call ends.
import { ToolError } from '../../core/errors.js';
import { isSafeId } from '../../core/id-rule.js';
import type { FamilyId, ProviderId } from '../../core/ids.js';
import { cleanText } from '../../core/text.js';
import type { Family } from '../../families/define.js';
import { FAMILIES } from '../../families/index.js';
import { log } from '../../log.js';
import { asToolError } from '../results.js';
import type { State } from '../schemas.js';
import { validateInput } from '../validate.js';
import { Ended, MAX_LISTING_BYTES, type EndReason } from './budget.js';
import { MAX_ITEMS_PER_LIST } from './paging.js';
import type { Candidate, FamilyError, Item, ListInput, ListResult } from './types.js';

interface Failure {
  error: ToolError;
  what: string;
  more: number;
}

export class Collector {
  private readonly items = new Map<FamilyId, Map<string, Item>>();
  private readonly failures = new Map<FamilyId, Failure>();
  private count = 0;
  private pagingIncomplete = false;
  private readonly running: ReadonlySet<State>;
  private readonly needle: string | undefined;

  constructor(
    private readonly input: ListInput,
    /** Arguments every stop call of a provider needs besides the ids (ModelArts region and project when not the defaults). */
    private readonly scopeArgs: Partial<Record<ProviderId, Record<string, string>>>,
    /** Called once when more than max_items running tasks were found. */
    private readonly onEnough: () => void,
    /** Whether this server serves a stop tool (--read-only and --tools may leave it out). */
    private readonly stopServed: (tool: string) => boolean = () => true,
  ) {
    this.running = new Set<State>(input.include_stopping ? ['pending', 'running', 'stopping'] : ['pending', 'running']);
    this.needle = input.name_contains?.toLowerCase();
  }

  add(family: Family, c: Candidate): void {
    if (!this.running.has(c.status.state)) return;
    if (this.needle !== undefined && !c.name?.toLowerCase().includes(this.needle)) return;
    const provider = family.provider;
    const args = { ...c.stopArgs, ...this.scopeArgs[provider] };
    const checked = validateInput(family.stop, args);
    const unsafe = Object.entries(c.ids).find(([, v]) => !isSafeId(v));
    if (unsafe) {
      // Every id an item carries (not only the stop's arguments) follows the id rule, or the item is not listed.
      log('warn', 'listed task skipped: an id does not follow the id rule', { family: family.id, field: unsafe[0] });
      return;
    }
    if (!checked.ok) {
      log('warn', 'listed task skipped: its ids do not fit the stop tool', {
        family: family.id,
        ids: c.ids,
        reason: checked.error.message,
      });
      return;
    }
    const found = this.items.get(family.id) ?? new Map<string, Item>();
    this.items.set(family.id, found);
    const key = JSON.stringify(c.ids);
    if (found.has(key)) return;
    found.set(key, {
      provider,
      family: family.id,
      // Names are the provider's (user-chosen) text: shown as one clean line, like every other provider text.
      ...(c.name !== undefined ? { name: cleanText(c.name, 200) } : {}),
      ...(c.createdAt !== undefined ? { created_at: cleanText(c.createdAt, 40) } : {}),
      ids: c.ids,
      status: { state: c.status.state, raw: c.status.raw },
      ...resourcesOf(c),
      ...(c.notice !== undefined ? { notice: cleanText(c.notice, 500) } : {}),
      stop: {
        tool: family.stop.name,
        arguments: args,
        ...(this.stopServed(family.stop.name) ? {} : { served: false as const }),
      },
    });
    this.count += 1;
    if (this.count > this.input.max_items) this.onEnough();
  }

  /** `what` names the request that failed; empty when none was sent. */
  fail(family: FamilyId, err: unknown, what: string): void {
    if (err instanceof Ended) return;
    const known = this.failures.get(family);
    if (known) known.more += 1;
    else this.failures.set(family, { error: asToolError(err, 'list_running_tasks'), what, more: 0 });
  }

  private readonly capped = new Set<FamilyId>();

  /** A list of the family ended before its end; `capped`: it was cut at MAX_ITEMS_PER_LIST (reported in errors). */
  incomplete(family?: FamilyId, capped = false): void {
    this.pagingIncomplete = true;
    if (family && capped) this.capped.add(family);
  }

  /** The result when the call ends; families still at work are timed out unless the call had enough items. */
  result(
    families: readonly FamilyId[],
    unfinished: ReadonlySet<FamilyId>,
    reason: EndReason,
    budgetMs: number,
  ): ListResult {
    const all = families.flatMap((f) => [...(this.items.get(f)?.values() ?? [])]);
    const errors: FamilyError[] = [];
    for (const family of families) {
      const failure = this.failures.get(family);
      const stoppedEarly =
        unfinished.has(family) && (reason === 'deadline' || reason === 'cancelled' || reason === 'limit');
      if (failure) errors.push(entry(family, failure));
      else if (this.capped.has(family)) errors.push(cappedEntry(family, this.items.get(family)?.size ?? 0));
      else if (stoppedEarly) errors.push(timedOut(family, reason, budgetMs, this.items.get(family)?.size ?? 0));
    }
    const failed = new Set(errors.map((e) => e.family));
    return {
      ok: all.length > 0 || families.some((f) => !failed.has(f)),
      items: all.slice(0, this.input.max_items),
      truncated: all.length > this.input.max_items || unfinished.size > 0 || this.pagingIncomplete,
      errors,
    };
  }
}

function entry(family: FamilyId, { error, what, more }: Failure): FamilyError {
  const others = more > 0 ? ` (and ${more} more failed request${more === 1 ? '' : 's'} in this family)` : '';
  return {
    provider: FAMILIES[family].provider,
    family,
    code: error.code,
    // The part and the message may carry a provider's text (an id, a name): one clean line, like every other.
    message: cleanText(`${what ? `${what}: ` : ''}${error.message}${others}`, 600),
    category: error.category,
  };
}

function cappedEntry(family: FamilyId, found: number): FamilyError {
  return {
    provider: FAMILIES[family].provider,
    family,
    code: 'ListingLimit',
    message: `A list of this family has more than ${MAX_ITEMS_PER_LIST} entries; only the first were read, and ${found} running task(s) among them are included.`,
    category: 'upstream',
  };
}

function timedOut(family: FamilyId, reason: EndReason, budgetMs: number, found: number): FamilyError {
  if (reason === 'limit') {
    return {
      provider: FAMILIES[family].provider,
      family,
      code: 'ListingLimit',
      message: `The listing read its limit of ${MAX_LISTING_BYTES / 1024 / 1024} MiB of list answers; ${found} running task(s) found before then are included. Narrow it with families, providers or dataset_ids.`,
      category: 'upstream',
    };
  }
  const why =
    reason === 'cancelled'
      ? 'The call was cancelled'
      : `Listing did not finish within the ${budgetMs} ms budget (ML_STOP_TIMEOUT_MS)`;
  return {
    provider: FAMILIES[family].provider,
    family,
    code: reason === 'cancelled' ? 'Cancelled' : 'Timeout',
    message: `${why}; ${found} running task(s) found before then are included.`,
    category: 'timeout',
  };
}

/** The candidate's resources as one clean object, or nothing when the list answer gave none. */
function resourcesOf(c: Candidate): { resources?: NonNullable<Item['resources']> } {
  const r = c.resources;
  if (!r) return {};
  const resources = {
    ...(r.flavor !== undefined ? { flavor: cleanText(r.flavor, 120) } : {}),
    ...(r.instances !== undefined && Number.isSafeInteger(r.instances) && r.instances >= 0
      ? { instances: r.instances }
      : {}),
    ...(r.charging !== undefined ? { charging: cleanText(r.charging, 60) } : {}),
  };
  return Object.keys(resources).length > 0 ? { resources } : {};
}
