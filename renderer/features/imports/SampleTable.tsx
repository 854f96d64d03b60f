/** The first rows of a file as main read them, with their line numbers. */
export const SampleTable = (props: {
  headers: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  lines: readonly number[];
  label: string;
}) => (
  <div className="table-scroll">
    <table className="data-table" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col" className="line">
            Line
          </th>
          {props.headers.map((header) => (
            <th scope="col" key={header} title={header}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, index) => (
          <tr key={props.lines[index] ?? index}>
            <td className="line">{props.lines[index] ?? ''}</td>
            {props.headers.map((header, column) => (
              <td key={header} title={row[column]}>
                {row[column]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
