/* enlace-bom-boxes.c: runs packed into boxes of cable (no splices) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <stdlib.h>

#include "enlace-bom.h"

static int
compare_desc (const void *a,
              const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* First fit by decreasing length, the boxes opened so far in a max tree
 * of what is left in each (leftmost box with room: O(log boxes) a run).
 * For runs of one length L it opens ceil (runs / floor (box / L)) boxes,
 * the rule's arithmetic. */
guint
enlace_bom_boxes (const double *lengths,
                  guint         n,
                  double        box_m,
                  guint        *too_long)
{
  g_autofree double *sorted = NULL;
  g_autofree double *tree = NULL;
  guint size = 1, boxes = 0, over = 0;
  const double eps = 1e-9;

  g_return_val_if_fail (n == 0 || lengths != NULL, 0);
  g_return_val_if_fail (box_m > 0, 0);

  if (too_long)
    *too_long = 0;
  if (n == 0)
    return 0;
  sorted = g_memdup2 (lengths, sizeof (double) * n);
  qsort (sorted, n, sizeof (double), compare_desc);
  while (size < n)
    size <<= 1;
  tree = g_new (double, 2 * size);   /* leaves: room left in box i; -1: not opened */
  for (guint i = 0; i < 2 * size; i++)
    tree[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      double len = MAX (sorted[i], 0);
      guint node = 1;

      if (len > box_m + eps)
        {
          over++;
          continue;
        }
      if (boxes > 0 && tree[1] + eps >= len)
        {
          while (node < size)
            node = tree[2 * node] + eps >= len ? 2 * node : 2 * node + 1;
        }
      else
        {
          node = size + boxes++;   /* a new box */
          tree[node] = box_m;
        }
      tree[node] = MAX (tree[node] - len, 0);
      for (node >>= 1; node >= 1; node >>= 1)
        tree[node] = MAX (tree[2 * node], tree[2 * node + 1]);
    }
  if (too_long)
    *too_long = over;
  return boxes;
}
