import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a free local port for tests: it receives over TCP what nodemailer sends and keeps each
 * message parsed. `failNext(n)` makes the next n deliveries fail with a temporary 451, as a busy server does.
 * (smtp-server's bundled TLS certificate has expired, so STARTTLS is switched off: plain SMTP on loopback.)
 */
export async function startTestSmtpServer() {
  const received: ParsedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (failures > 0) {
        failures--;
        return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;

  /** The messages to an address, in the order they arrived. */
  const to = (address: string) =>
    received.filter((m) => {
      const list = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      return list.some((a) => a.value.some((v) => v.address === address));
    });

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to,
    failNext: (n: number) => {
      failures = n;
    },
    /** Waits until `count` messages have arrived for an address, and returns them. */
    async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<ParsedMail[]> {
      const until = Date.now() + timeoutMs;
      while (to(address).length < count) {
        if (Date.now() > until)
          throw new Error(`no email arrived in time (${to(address).length} of ${count})`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return to(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
