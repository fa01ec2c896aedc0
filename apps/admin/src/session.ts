import { createResource } from "solid-js";
import { api, type Me } from "./api.ts";

/** Who is signed in; null when nobody is (the API answers 401). */
async function loadMe(): Promise<Me | null> {
  try {
    return await api.session.me.query();
  } catch (error) {
    const code = (error as { data?: { code?: string } } | null)?.data?.code;
    if (code === "UNAUTHORIZED") return null;
    throw error;
  }
}

const [me, { refetch }] = createResource(loadMe);

export { me };
export const reloadMe = () => refetch();

export function councilOf(councilId: string) {
  return me()?.councils.find((c) => c.id === councilId) ?? null;
}

/**
 * Whether the signed-in user may change a council. From session.me, which authorises with the council's
 * id; councils.get's own `canEdit` is false for a secretary (it passes the council without `councilId`).
 */
export function mayEdit(councilId: string): boolean {
  return councilOf(councilId)?.canEdit ?? false;
}
