// Task state the simulator keeps: tasks run until stopped, then pass through "stopping" to "stopped".
import type { FamilyId } from '../core/ids.js';
import { defaultListing, type ListingKnobs } from './listing.js';
import type { SimState } from './types.js';

export type { SimState };

export interface SimTask {
  family: FamilyId;
  ids: Record<string, string>;
  name: string;
  createdAt: number;
  state: SimState;
  /** A raw status value forced by a test; wins over the state's own value. */
  raw?: string | number;
  stopAt?: number;
  stopRequests: number;
  /** What the list APIs need beyond ids: ModelArts task `type`, training `versionName`, fine-tuning `jobId`/`jobName`, evaluation `evalType`. */
  meta: Record<string, string>;
}

export interface InventoryOptions {
  /** The provider's own status value for a family's state (each simulated family says, src/simulator/families/). */
  raw: (family: FamilyId, state: SimState) => string | number;
  /** How long a stopped task stays in "stopping". */
  stoppingMs: number;
  /** Create unknown ids as running tasks on first sight, so any id works in a demo. */
  autoCreate: boolean;
  now: () => number;
}

export type StopVerdict = 'accepted' | 'not_found' | 'not_running';

export class Inventory {
  private readonly tasks = new Map<string, SimTask>();
  /** How the simulated list APIs page, and which of them fail. */
  readonly listing: ListingKnobs = defaultListing();

  constructor(private readonly options: InventoryOptions) {}

  put(
    family: FamilyId,
    ids: Record<string, string>,
    init: {
      state?: SimState;
      raw?: string | number;
      name?: string;
      createdAt?: number;
      meta?: Record<string, string>;
    } = {},
  ): SimTask {
    const task: SimTask = {
      family,
      ids: { ...ids },
      name: init.name ?? `${family.split('_').slice(1).join('-')}-${Object.values(ids).at(-1)}`,
      createdAt: init.createdAt ?? this.options.now(),
      state: init.state ?? 'running',
      stopRequests: 0,
      meta: { ...init.meta },
      ...(init.raw !== undefined ? { raw: init.raw } : {}),
    };
    this.tasks.set(key(family, ids), task);
    return task;
  }

  get(family: FamilyId, ids: Record<string, string>): SimTask | undefined {
    const task = this.tasks.get(key(family, ids)) ?? (this.options.autoCreate ? this.put(family, ids) : undefined);
    if (task?.state === 'stopping' && task.stopAt !== undefined && this.options.now() >= task.stopAt)
      task.state = 'stopped';
    return task;
  }

  stop(family: FamilyId, ids: Record<string, string>): StopVerdict {
    const task = this.get(family, ids);
    if (!task) return 'not_found';
    task.stopRequests += 1;
    if (task.raw !== undefined || (task.state !== 'running' && task.state !== 'pending')) return 'not_running';
    task.state = 'stopping';
    task.stopAt = this.options.now() + this.options.stoppingMs;
    return 'accepted';
  }

  raw(task: SimTask): string | number {
    return task.raw ?? this.options.raw(task.family, task.state);
  }

  list(family: FamilyId): SimTask[] {
    return [...this.tasks.values()].filter((t) => t.family === family).map((t) => this.get(t.family, t.ids) ?? t);
  }
}

function key(family: FamilyId, ids: Record<string, string>): string {
  return `${family}|${Object.entries(ids)
    .map(([k, v]) => `${k}=${v}`)
    .join('|')}`;
}
