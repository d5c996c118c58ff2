// A real SMTP server in the test process (smtp-server), keeping what it accepts, each message read
// back with mailparser: who it went to, its subject, its text.

import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** Addresses the server refuses (550), to try failures. */
  refuse: Set<string>;
  /**
   * Asked about each message before the server answers it: resolved, the message is accepted and
   * kept; rejected, refused (451). A promise left pending holds the sender waiting for the answer.
   */
  gate: ((mail: Received) => Promise<void>) | null;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const control: Pick<TestSmtp, "gate"> = { gate: null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) return callback(new Error("550 không có hộp thư này"));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const kept: Received = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
          };
          await control.gate?.(kept);
          received.push(kept);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    get gate() {
      return control.gate;
    },
    set gate(gate) {
      control.gate = gate;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
