/** A dynamic page that renders `?rows=N` rows of a plain table: rendered on every request, like the app's pages. */
export const dynamic = "force-dynamic";

const MAX_ROWS = 100_000;

export default async function TablePage({ searchParams }: { searchParams: Promise<{ rows?: string }> }) {
  const asked = Number((await searchParams).rows);
  const rows = Number.isInteger(asked) ? Math.min(Math.max(asked, 0), MAX_ROWS) : 0;
  return (
    <main>
      <h1>Tabelle</h1>
      <table>
        <thead>
          <tr>
            <th>Nr.</th>
            <th>Abschnitt</th>
            <th>Stand</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>Abschnitt {i + 1}</td>
              <td>Entwurf in Bearbeitung</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
