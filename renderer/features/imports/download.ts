import { toast } from 'sonner';
import type { z } from 'zod';
import type { reportFileSchema } from '../../../shared/contract';

type ReportFile = z.infer<typeof reportFileSchema>;

/** Offers text as a file download under its name (a Blob URL; browser mode has no save dialog). */
export const downloadText = (fileName: string, text: string, type = 'text/csv'): void => {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the Blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A report main wrote: downloaded when its text came along, else where it lies on disk. */
export const offerReport = (report: ReportFile): void => {
  if (report.csv !== null) {
    downloadText(report.fileName, report.csv);
    toast.success(`${report.fileName}: ${report.rows.toLocaleString('en-US')} rows`);
  } else
    toast(`${report.fileName} is too large to download here`, {
      description: `It was written to ${report.path}`,
      duration: 15_000,
    });
};
