/** Files in and out of the renderer: a download link out, a file picker in (both hosts). */
export const downloadText = (text: string, fileName: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

export const pickTextFile = (accept: string): Promise<{ name: string; text: string } | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.onchange = async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, text: await file.text() } : null);
    };
    input.oncancel = () => resolve(null);
    input.click();
  });

export const formatOf = (fileName: string): 'json' | 'yaml' =>
  /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';

export const SCHEMA_FILE_TYPES = '.json,.yaml,.yml,application/json,application/yaml';
