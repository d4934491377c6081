import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../ids';
import { type JobRow, JobsRepository } from './jobs.repository';
import { yieldToEventLoop } from './yield';

export interface JobContext {
  job: JobRow;
  /**
   * Tells the runner the job is alive, and lets requests in: long handlers call it between batches
   * (see yieldToEventLoop).
   */
  heartbeat(): Promise<void>;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

/** When a recurring job is next due, from a given moment. */
export type NextRun = (from: Date) => Date | Promise<Date>;

const heartbeatStaleMs = 2 * 60 * 1000;

/**
 * The in-process, database-backed job runner (DESIGN.md §1): jobs are rows, so they survive a
 * restart — a job whose process died is queued again and its handler resumes from the progress it
 * committed. One job at a time per process, polled; tests call `drain()` instead of polling.
 */
export class JobRunner {
  private readonly repository = new JobsRepository();
  private readonly handlers = new Map<string, JobHandler>();
  /** Recurring jobs: when the next run is due, from a given moment. */
  private readonly recurring = new Map<string, NextRun>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  register(type: string, handler: JobHandler) {
    this.handlers.set(type, handler);
  }

  /** A job that runs again and again (e.g. daily): one run is always queued while the runner is started. */
  every(type: string, next: NextRun) {
    this.recurring.set(type, next);
  }

  /**
   * Moves the queued (not yet started) runs of recurring jobs to when they are next due — after
   * what their schedule depends on changed (the organisation's time zone).
   */
  async reschedule() {
    for (const [type, next] of this.recurring) {
      await this.repository.moveQueued(this.db, type, (await next(this.now())).toISOString());
    }
  }

  private async ensureScheduled(type?: string) {
    for (const [name, next] of this.recurring) {
      if (type && name !== type) continue;
      if (!(await this.repository.hasQueued(this.db, name))) {
        await this.enqueue(this.db, name, {}, { runAfter: await next(this.now()) });
      }
    }
  }

  async enqueue(
    executor: Kysely<Database>,
    type: string,
    payload: unknown,
    options: { createdBy?: string | null; runAfter?: Date } = {},
  ): Promise<string> {
    const id = newId();
    const at = this.now().toISOString();
    await this.repository.insert(executor, {
      id,
      type,
      status: 'queued',
      payload: JSON.stringify(payload),
      error: null,
      created_by: options.createdBy ?? null,
      created_at: at,
      run_after: (options.runAfter ?? this.now()).toISOString(),
      started_at: null,
      heartbeat_at: null,
      finished_at: null,
    });
    this.kick();
    return id;
  }

  /** Starts polling (the server does; tests drain by hand). */
  start(pollMs: number) {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    void this.ensureScheduled()
      .catch((error) => console.error('job schedule:', error))
      .then(() => this.kick());
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs every due job until none is left (tests, the CLI). */
  async drain(): Promise<void> {
    await this.running;
    while (await this.runOne()) {
      // keep going
    }
  }

  private kick() {
    if (!this.timer || this.stopped || this.running) return;
    this.running = (async () => {
      try {
        while (!this.stopped && (await this.runOne())) {
          await yieldToEventLoop();
        }
      } finally {
        this.running = undefined;
      }
    })().catch((error) => console.error('job runner:', error));
  }

  private async runOne(): Promise<boolean> {
    const at = this.now();
    await this.repository.requeueStale(this.db, new Date(at.getTime() - heartbeatStaleMs).toISOString());
    const job = await this.repository.claimNext(this.db, [...this.handlers.keys()], at.toISOString());
    if (!job) return false;
    const handler = this.handlers.get(job.type) as JobHandler;
    try {
      await handler(JSON.parse(job.payload), {
        job,
        heartbeat: async () => {
          await this.repository.heartbeat(this.db, job.id, this.now().toISOString());
          await yieldToEventLoop();
        },
      });
      await this.repository.finish(this.db, job.id, 'succeeded', this.now().toISOString(), null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.repository.finish(
        this.db,
        job.id,
        'failed',
        this.now().toISOString(),
        message.slice(0, 2000),
      );
    }
    return true;
  }
}
