import { buttonClass } from '@/components/forms/styles';

/**
 * "Export CSV" and "Export de-identified CSV" for roles with `case:export_csv` (the page decides;
 * GET /cases/export.csv refuses the others anyway). Plain links: the download carries the list's
 * filters and sort in the query, the search words in their cookie, never in the URL.
 */
export function CaseExportLinks({ listQuery }: { listQuery: string }) {
  const href = (deidentified: boolean) => {
    const params = new URLSearchParams(listQuery);
    if (deidentified) params.set('deidentified', '1');
    const query = params.toString();
    return query ? `/cases/export.csv?${query}` : '/cases/export.csv';
  };
  return (
    <div className="flex flex-wrap gap-2">
      <a href={href(false)} className={buttonClass.secondary} download>
        Export CSV
      </a>
      <a href={href(true)} className={buttonClass.secondary} download>
        Export de-identified CSV
      </a>
    </div>
  );
}
