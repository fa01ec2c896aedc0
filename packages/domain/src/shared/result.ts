import type { Bilingual } from "./types.ts";

export type Failure = { ok: false; error: { code: string; message: Bilingual } };
export type Success<T> = { ok: true; value: T };

/** A rule that can refuse returns a typed result; exceptions are for programming errors only. */
export type Result<T> = Success<T> | Failure;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function fail(code: string, da: string, en: string): Failure {
  return { ok: false, error: { code, message: { da, en } } };
}
