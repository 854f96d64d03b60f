import { toPng, toSvg } from 'html-to-image';

/** The diagram as an image file, without the minimap and controls. */
export const exportDiagram = async (element: HTMLElement, format: 'png' | 'svg', name: string) => {
  const options = {
    cacheBust: true,
    backgroundColor: getComputedStyle(document.body).getPropertyValue('--bg').trim() || '#fff',
    filter: (node: HTMLElement) =>
      !node.classList?.contains('react-flow__minimap') &&
      !node.classList?.contains('react-flow__controls') &&
      !node.classList?.contains('react-flow__panel'),
  };
  const url = format === 'png' ? await toPng(element, options) : await toSvg(element, options);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${format}`;
  link.click();
};
