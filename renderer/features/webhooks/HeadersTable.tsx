/** Request headers as they came, Twenty's own (`X-Twenty-Webhook-*`) first. */
export const HeadersTable = ({ headers }: { headers: Record<string, string> }) => {
  const rows = Object.entries(headers).sort(([a], [b]) => {
    const twentyA = a.toLowerCase().startsWith('x-twenty');
    const twentyB = b.toLowerCase().startsWith('x-twenty');
    return twentyA === twentyB ? a.localeCompare(b) : twentyA ? -1 : 1;
  });
  return (
    <table className="kv-table" aria-label="Headers">
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
