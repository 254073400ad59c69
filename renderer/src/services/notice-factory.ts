import type { ApiError } from '../../../contract/result.ts';
import type { Notice } from '../store/notices-slice.ts';

let counter = 0;

/** Builds a notice of the UI itself, for a failed call or a rejected file. */
export function uiNotice(
  kind: 'ui_error' | 'ui_info',
  title: string,
  body: string,
  target: Notice['target'] = null,
): Notice {
  counter += 1;
  return {
    id: `ui-${Date.now()}-${counter}`,
    kind,
    title,
    body,
    target,
    createdAt: new Date().toISOString(),
  };
}

/** Builds the notice for a call that returned an error. */
export function errorNotice(title: string, error: ApiError): Notice {
  return uiNotice('ui_error', title, error.message);
}
