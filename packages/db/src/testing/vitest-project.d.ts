import type { UserWorkspaceConfig } from "vitest/config";

export function databaseTestProject(
  name: string,
  extra?: { testTimeout?: number; include?: string[] },
): UserWorkspaceConfig;
