export interface TreeNode<T> {
  key: string;
  value: string;
  title: string;
  item: T;
  children?: TreeNode<T>[];
}

interface TreeItem {
  id: string;
  name: string;
  parentId: string | null;
  sort?: number;
}

/** Builds a tree from a flat list with parentId (orphans become roots), ordered by sort then name. */
export const buildTree = <T extends TreeItem>(items: readonly T[]): TreeNode<T>[] => {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { key: item.id, value: item.id, title: item.name, item });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id);
    if (!node) continue;
    const parent = item.parentId ? nodes.get(item.parentId) : undefined;
    if (parent && parent !== node) {
      parent.children = [...(parent.children ?? []), node];
    } else {
      roots.push(node);
    }
  }
  const order = (list: TreeNode<T>[]): TreeNode<T>[] =>
    list
      .sort((a, b) => (a.item.sort ?? 0) - (b.item.sort ?? 0) || a.title.localeCompare(b.title))
      .map((node) => (node.children ? { ...node, children: order(node.children) } : node));
  return order(roots);
};

/** Ids of an item and everything below it (to keep a node from becoming its own descendant). */
export const descendantIds = <T extends TreeItem>(items: readonly T[], rootId: string): Set<string> => {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && result.has(item.parentId) && !result.has(item.id)) {
        result.add(item.id);
        grew = true;
      }
    }
  }
  return result;
};
