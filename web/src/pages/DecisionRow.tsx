// A plan officer's decision on a unit's request (an extension, a reopening): a comment, whatever
// the kind of request adds (the days a reopening lasts), and "Đồng ý" / "Không đồng ý".

import type { ReactNode } from "react";
import { T } from "../text";

export function DecisionRow({
  comment,
  onComment,
  onDecide,
  children,
}: {
  comment: string;
  onComment: (text: string) => void;
  onDecide: (approve: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <div className="row">
      <label>
        {T.extensionComment}
        <input value={comment} onChange={(ev) => onComment(ev.target.value)} />
      </label>
      {children}
      <button type="button" onClick={() => onDecide(true)}>
        {T.approve}
      </button>
      <button type="button" className="secondary" onClick={() => onDecide(false)}>
        {T.refuse}
      </button>
    </div>
  );
}
