import { T } from "./text";

/** Rows shown per page in long lists (a plan may hold thousands of tasks). */
export const PAGE_SIZE = 100;

/** The rows of page `page` (from 0). */
export function pageOf<T>(rows: readonly T[], page: number): readonly T[] {
  return rows.length <= PAGE_SIZE ? rows : rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
}

/** Previous / next over a long list, with where the reader is: "Nhiệm vụ 101–200 / 20.000". */
export function Pager({
  total,
  page,
  onPage,
  label,
  size = PAGE_SIZE,
}: {
  total: number;
  page: number;
  onPage: (page: number) => void;
  label: string;
  /** Rows a page holds (the server's page size where it pages). */
  size?: number;
}) {
  if (total <= size) return null;
  const last = Math.ceil(total / size) - 1;
  const from = page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return (
    <nav className="row pager" aria-label={label}>
      <button type="button" className="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {T.previousPage}
      </button>
      <span>{T.pageRange(from, to, total)}</span>
      <button type="button" className="secondary" disabled={page >= last} onClick={() => onPage(page + 1)}>
        {T.nextPage}
      </button>
    </nav>
  );
}
