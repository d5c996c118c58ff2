import { T } from "./text";

/** A task's key as lists show it; a duty of "Tổ chức thực hiện" is marked as such. */
export function WorkKey({ code, kind }: { code: string; kind?: "task" | "duty" }) {
  return (
    <>
      <strong>{code}</strong>
      {kind === "duty" && (
        <span className="tag" title={T.dutyHint}>
          {" "}
          {T.duty}
        </span>
      )}
    </>
  );
}
