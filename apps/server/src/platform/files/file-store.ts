import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../ids';

/**
 * Uploaded and generated files (imports, failed rows, exports) under `<dataDir>/files`. Names are
 * ids made here, never user input, so a path can't escape the folder.
 */
export class FileStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'files');
  }

  /** Streams `source` into a new file, refusing more than `maxBytes` (the file is removed then). */
  async save(
    source: Readable,
    maxBytes: number,
  ): Promise<{ name: string; size: number; truncated: boolean }> {
    fs.mkdirSync(this.root, { recursive: true });
    const name = newId();
    const target = this.pathOf(name);
    let size = 0;
    let truncated = false;
    const counter = async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > maxBytes) {
          truncated = true;
          return;
        }
        yield chunk;
      }
    };
    await pipeline(source, counter, fs.createWriteStream(target));
    if (truncated) {
      source.resume();
      this.remove(name);
    }
    return { name, size, truncated };
  }

  /** A name for a file the caller will write (a generated result); the folder exists after this. */
  newName(): string {
    fs.mkdirSync(this.root, { recursive: true });
    return newId();
  }

  pathOf(name: string): string {
    if (!/^[0-9a-f-]{36}$/.test(name)) throw new Error(`bad file name ${name}`);
    return path.join(this.root, name);
  }

  exists(name: string): boolean {
    return fs.existsSync(this.pathOf(name));
  }

  remove(name: string) {
    fs.rmSync(this.pathOf(name), { force: true });
  }
}
