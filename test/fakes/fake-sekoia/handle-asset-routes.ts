import { type ApiRequest, type ApiResponse, errorResponse, type FakeContext } from './fake-context.ts';

/** `GET /v2/asset-management/assets/{uuid}`: the asset itself, unwrapped; an unknown UUID is a 404. */
export function getAsset(context: FakeContext, request: ApiRequest): ApiResponse {
  const asset = context.assets.get((request.params.uuid ?? '').toLowerCase());
  return asset === undefined
    ? errorResponse(404, 'Asset not found')
    : { status: 200, body: structuredClone(asset) };
}
