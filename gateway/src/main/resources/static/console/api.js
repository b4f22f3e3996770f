// REST API access for the console: every call carries the API token the operator typed
// (kept in sessionStorage, so it dies with the tab); errors keep the gateway's diagnosis.

const TOKEN_KEY = 'gbgate.apiToken';

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An API call that failed: HTTP status plus the gateway's message, and for plays the cause and stage. */
export class ApiCallError extends Error {
  constructor(status, message, details = {}) {
    super(message);
    this.status = status;
    this.cause = details.cause;
    this.stage = details.stage;
    this.timingsMillis = details.timingsMillis;
  }

  /** One line an operator can act on: "502 NO_RTP at stage INVITE_OK: <message>". */
  describe() {
    const where = [this.cause, this.stage && `at stage ${this.stage}`].filter(Boolean).join(' ');
    return `${this.status || 'network'}${where ? ' ' + where : ''}: ${this.message}`;
  }

  static async of(response) {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      return new ApiCallError(response.status, body.message || body.error || text, body);
    } catch {
      return new ApiCallError(response.status, text || response.statusText);
    }
  }
}

/** fetch() against the gateway with the bearer token; throws ApiCallError on any non-2xx answer. */
export async function call(path, { method = 'GET', body, headers = {} } = {}) {
  const token = session.token();
  const all = { ...headers };
  if (token) {
    all.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method, body, headers: all, cache: 'no-store' });
  } catch (error) {
    throw new ApiCallError(0, `gateway unreachable (${error.message})`);
  }
  if (!response.ok) {
    throw await ApiCallError.of(response);
  }
  return response;
}

/** A JSON call; null for 204 answers. */
export async function json(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

export const gateway = {
  devices: () => json('/api/devices'),
  /** One page of the channels of every device: {channels, next}; params: q, online, after, limit. */
  channelPage: (params) => json(`/api/channels?${new URLSearchParams(params)}`),
  play: (channelId) => json(`/api/channels/${encodeURIComponent(channelId)}/play`, { method: 'POST' }),
  leave: (channelId, viewerId) =>
    call(`/api/channels/${encodeURIComponent(channelId)}/play?viewerId=${encodeURIComponent(viewerId)}`,
      { method: 'DELETE' }),
  stream: (streamId) => json(`/api/streams/${encodeURIComponent(streamId)}`),
  snapshot: async (channelId) =>
    (await call(`/api/channels/${encodeURIComponent(channelId)}/snapshot`)).blob(),
};

/** An error in words an operator can act on. */
export function describeError(error) {
  return typeof error?.describe === 'function' ? error.describe() : String(error?.message ?? error);
}
