import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function cancelledError<E = void>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

export function failed(what: string): ResponseError<void> {
  return new ResponseError<void>(LSPErrorCodes.RequestFailed, `${what} failed; see the Perf Lint output`);
}
