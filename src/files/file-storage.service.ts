import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppConfig } from '../config/config';

/**
 * Stores files under DATA_DIR/files with random names (never the uploaded name), written to a temporary name
 * and renamed so that a crash leaves no half file behind. Returns the sha256 of the content.
 */
@Injectable()
export class FileStorage {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = path.resolve(config.env.DATA_DIR, 'files');
  }

  async put(content: Buffer): Promise<{ key: string; sha256: string; size: number }> {
    const key = randomBytes(16).toString('hex');
    const dir = path.join(this.root, key.slice(0, 2));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const target = path.join(dir, key);
    const temporary = `${target}.part`;
    await writeFile(temporary, content, { mode: 0o600 });
    await rename(temporary, target);
    return { key, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
  }

  open(key: string): ReadStream {
    if (!/^[0-9a-f]{32}$/.test(key)) throw new Error('invalid storage key');
    return createReadStream(path.join(this.root, key.slice(0, 2), key));
  }
}
