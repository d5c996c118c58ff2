/** The directory's active units as the options of a picker, in tree order. */
export function UnitOptions({
  units,
}: {
  units: ReadonlyArray<{ id: string; name: string; active: boolean }>;
}) {
  return (
    <>
      {units
        .filter((u) => u.active)
        .map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
    </>
  );
}
