import { z } from "zod";

/** All configuration, read once at start. A bad value stops the process with a message naming it. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL; when absent the embedded database (PGlite) is used */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** the embedded database's directory */
  SAMRAAD_DATA_DIR: z.string().min(1).default("./.data"),
  /** seed demo data into an empty database */
  SAMRAAD_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** the public base URL, for links in feeds, OParl ids and chat messages */
  SAMRAAD_PUBLIC_URL: z.url().optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_API_URL: z.url().default("https://slack.com/api/"),
  TEAMS_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** the mail server for sign-up confirmations and questionnaires, e.g. smtps://user:password@smtp.kommune.dk:465 */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** the From address of that email; by default "Samråd <noreply@…>" at the public host */
  SMTP_FROM: z.string().min(3).optional(),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
    .join("\n");
  throw new Error(`Samråd cannot start: the configuration is invalid.\n${problems}`);
}
