import { contractFor } from './contract';

/** A small HTTP client for e2e tests: real requests to the listening app, JSON in and out. */
export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Http {
  constructor(
    readonly base: string,
    readonly token?: string,
    /** Every answer is checked against the app's OpenAPI document (see contract.ts). */
    readonly checked = true,
  ) {}

  as(token: string): Http {
    return new Http(this.base, token, this.checked);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined && !(body instanceof FormData) && typeof body !== 'string'
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : body instanceof FormData || typeof body === 'string'
            ? body
            : JSON.stringify(body),
    };
    const res = await fetch(`${this.base}${path}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text.length > 0)
      parsed = JSON.parse(text);
    if (this.checked)
      (await contractFor(this.base))?.check(
        method,
        path,
        res.status,
        res.headers.get('content-type'),
        parsed,
      );
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  put<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /** Uploads one dossier document (multipart: kind, file). */
  upload<T = any>(nominationId: string, kind: string, content: Buffer, fileName = `${kind}.pdf`) {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return this.request<T>('POST', `/nominations/${nominationId}/documents`, form);
  }
}
