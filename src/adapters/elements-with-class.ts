// Finding a page's elements by tag and class without a query: the class's list holds only the elements
// that have it, where a query (`table.user-grade`) tries its whole selector on every element of the page.

/** The `tag` elements with the class `className` below `root`, in page order: what `tag.className` finds. */
export function elementsWithClass(root: Document | Element, className: string, tag: string): Element[] {
  const found: Element[] = [];
  const withClass = root.getElementsByClassName(className);
  for (let index = 0, element = withClass[0]; element; element = withClass[++index]) if (element.localName === tag) found.push(element);
  return found;
}
