import { expect, type Locator } from '@playwright/test';

/**
 * A locator's box once it has stopped moving: the diagram animates (fit, focus), and a drag
 * that starts from a box measured mid-animation presses on the pane instead of the node.
 */
export const stableBox = async (locator: Locator) => {
  let previous = '';
  let box: Awaited<ReturnType<Locator['boundingBox']>> = null;
  await expect
    .poll(async () => {
      box = await locator.boundingBox();
      const current = JSON.stringify(box);
      const settled = box !== null && current === previous;
      previous = current;
      return settled;
    })
    .toBe(true);
  return box!;
};
