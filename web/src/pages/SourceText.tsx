// The review's source text: the chosen task's passage highlighted and, where the text had lost its
// diacritics and they were restored, each word restoring changed or doubted marked with what it
// did. Marks wrap the text and add none, so offsets read from a selection stay offsets into it.

import { type ReactNode, type UIEvent, useMemo, useState } from "react";
import type { ReviewReply } from "../api";
import { T } from "../text";

type Restoration = NonNullable<ReviewReply["restoration"]>;
type Word = Restoration["words"][number];

function titleOf(w: Word): string {
  return w.uncertain ? T.uncertainWord(w.to, w.alternative, w.from) : T.restoredWord(w.from, w.to);
}

/** The first word ending after `at` (words come in text order and do not overlap). */
function firstEndingAfter(words: readonly Word[], at: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as Word).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `text[from, to)` with the words in it marked (a word cut by the range is marked in part). */
function marked(text: string, from: number, to: number, words: readonly Word[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = from;
  for (let i = firstEndingAfter(words, from); i < words.length; i++) {
    const w = words[i] as Word;
    if (w.start >= to) break;
    const start = Math.max(w.start, from);
    const end = Math.min(w.end, to);
    if (start > at) out.push(text.slice(at, start));
    out.push(
      <mark key={w.start} className={w.uncertain ? "word-uncertain" : "word-restored"} title={titleOf(w)}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

/** One text in a <pre>, the passage `span` in a <mark> (with `highlightId`, scrolled to by the page). */
function MarkedText({
  id,
  text,
  span,
  words,
  highlightId,
  onScroll,
}: {
  id: string;
  text: string;
  span: readonly [number, number] | null;
  words: readonly Word[];
  highlightId?: string;
  onScroll?: (event: UIEvent<HTMLPreElement>) => void;
}) {
  const content = useMemo(
    () =>
      span ? (
        <>
          {marked(text, 0, span[0], words)}
          <mark id={highlightId}>{marked(text, span[0], span[1], words)}</mark>
          {marked(text, span[1], text.length, words)}
        </>
      ) : (
        marked(text, 0, text.length, words)
      ),
    [text, span, words, highlightId],
  );
  return (
    <pre id={id} onScroll={onScroll}>
      {content}
    </pre>
  );
}

/** Scrolls the other column to where this one is: the two texts have the same lines. */
function follow(event: UIEvent<HTMLPreElement>, otherId: string): void {
  const other = document.getElementById(otherId);
  if (other && other.scrollTop !== event.currentTarget.scrollTop)
    other.scrollTop = event.currentTarget.scrollTop;
}

/**
 * The source pane's text: `<SourceText text={review.text} restoration={review.restoration} span={[120, 480]} />`.
 * A restored text comes with a banner saying so, a key to its marks, and the text as imported beside it on demand.
 */
export function SourceText({
  text,
  restoration,
  span,
}: {
  text: string;
  restoration: Restoration | null;
  span: readonly [number, number] | null;
}) {
  const [beside, setBeside] = useState(false);
  if (!restoration)
    return <MarkedText id="source-text" text={text} span={span} words={[]} highlightId="highlight" />;
  const restored = (
    <MarkedText
      id="source-text"
      text={text}
      span={span}
      words={restoration.words}
      highlightId="highlight"
      onScroll={beside ? (e) => follow(e, "original-text") : undefined}
    />
  );
  return (
    <>
      <div className="restoration" role="note">
        <p>{T.restoredBanner(restoration.changed, restoration.uncertain)}</p>
        <p className="hint">
          <mark className="word-restored">{T.restoredKey}</mark> ·{" "}
          <mark className="word-uncertain">{T.uncertainKey}</mark> {T.restoredKeyHint}
        </p>
        <button type="button" className="secondary" aria-pressed={beside} onClick={() => setBeside(!beside)}>
          {T.showUnmarked}
        </button>
      </div>
      {beside ? (
        <div className="source-columns">
          <section aria-labelledby="restored-column">
            <h3 id="restored-column">{T.restoredColumn}</h3>
            {restored}
          </section>
          <section aria-labelledby="original-column">
            <h3 id="original-column">{T.unmarkedColumn}</h3>
            <MarkedText
              id="original-text"
              text={restoration.original}
              span={span}
              words={restoration.words}
              onScroll={(e) => follow(e, "source-text")}
            />
          </section>
        </div>
      ) : (
        restored
      )}
    </>
  );
}
