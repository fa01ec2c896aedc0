/** Every OParl URL is built here, so ids, references and routes cannot drift apart. */
export type ObjectKind =
  | "body"
  | "organization"
  | "person"
  | "membership"
  | "legislative-term"
  | "meeting"
  | "agenda-item"
  | "paper"
  | "consultation"
  | "file"
  | "location"
  | "policy-action"
  | "co-creation-process"
  | "co-creation-session"
  | "idea"
  | "vote-result";

export function oparlUrls(publicUrl: string) {
  const base = `${publicUrl.replace(/\/+$/, "")}/oparl/v1`;
  return {
    publicUrl,
    base,
    system: () => `${base}/system`,
    bodies: () => `${base}/bodies`,
    object: (kind: ObjectKind, id: string) => `${base}/${kind}/${id}`,
  };
}

export type Urls = ReturnType<typeof oparlUrls>;
