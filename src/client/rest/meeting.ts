/**
 * The REST client's panel-meeting methods (docs/openapi.yaml, tag `meetings`), loaded on demand by
 * `createRestClient` so that pages without a panel screen do not download them.
 */
import type { MeetingChange } from '../../domain/meeting.js';
import type { CivicClient, RequestOptions } from '../client.js';
import { watchLive } from './live.js';
import type { RestConfig } from './config.js';
import type { RouteName } from './routes.js';
import { MeetingStateSchema, parseResponse } from './schemas.js';
import { requestJson } from './transport.js';

export interface MeetingDeps {
  config: RestConfig;
  urlFor(route: RouteName, roundId: string): string;
  refused(route: RouteName, field: string, detail: string): Error;
  toJson(route: RouteName, payload: unknown): string;
  guard<T>(method: string, run: () => Promise<T>): Promise<T>;
}

export function restMeetingMethods({ config, urlFor, refused, toJson, guard }: MeetingDeps): Required<Pick<CivicClient, 'getMeeting' | 'updateMeeting' | 'watchMeeting'>> {
  const getMeeting = (roundId: string, request?: RequestOptions) =>
    guard('getMeeting', async () => {
      const data = await requestJson(config, { method: 'GET', url: urlFor('getMeeting', roundId), signal: request?.signal });
      return parseResponse(MeetingStateSchema, data, `meeting of round ${roundId}`);
    });
  return {
    getMeeting,
    updateMeeting: (roundId: string, change: MeetingChange, request: RequestOptions & { facilitatorCode: string }) =>
      guard('updateMeeting', async () => {
        const url = urlFor('updateMeeting', roundId);
        const code = request?.facilitatorCode?.trim();
        // Sent as a bearer token, so it must be one header value of visible ASCII.
        if (typeof code !== 'string' || !/^[\x21-\x7E]{1,255}$/.test(code)) throw refused('updateMeeting', 'facilitatorCode', 'is required: the facilitator code or the admin token');
        const data = await requestJson(config, { method: 'PUT', url, body: toJson('updateMeeting', change), headers: { Authorization: `Bearer ${code}` }, signal: request.signal });
        return parseResponse(MeetingStateSchema, data, `meeting of round ${roundId}`);
      }),
    watchMeeting: (roundId, watch) =>
      watchLive({ streamUrl: urlFor('watchMeeting', roundId), read: (signal) => getMeeting(roundId, { signal }), withCredentials: config.credentials === 'include' }, watch),
  };
}
