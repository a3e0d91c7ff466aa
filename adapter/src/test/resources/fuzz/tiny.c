/* Seed program for the DWARF fuzz targets: every kind of type and location a reader meets, in a few KB. */
typedef struct Node Node;
enum Color { RED, GREEN = 5, BLUE = -1 };
union Bits { int i; float f; unsigned char b[4]; };
struct Node { int value; Node *next; struct Node *self; enum Color color; unsigned flag : 3; unsigned wide : 9; };
typedef Node NodeAlias;
struct Outer { NodeAlias inner[2][3]; const char *name; union Bits bits; double d; long long ll; };
static struct Outer g_outer;
static Node g_ring = { 7, &g_ring, &g_ring, GREEN, 1, 300 };
const char *g_text = "hello";
int g_table[16];

static inline __attribute__((always_inline)) int deep(Node *n, int k) {
  int acc = 0;
  for (int i = 0; i < k && n; i++) { acc += n->value * i; n = n->next; }
  return acc;
}

__attribute__((noinline)) int walk(Node *n, int k, struct Outer *o) {
  int local = deep(n, k);
  char buf[8];
  for (int i = 0; i < 8; i++) buf[i] = (char)(o->name[i & 3] + local);
  o->bits.i = buf[k & 7];
  if (o->bits.b[0] == 3) __builtin_trap();
  return local + o->inner[1][2].value + (int)o->d;
}

__attribute__((export_name("run"))) int run(int k) {
  g_outer.name = g_text;
  g_outer.inner[1][2] = g_ring;
  g_table[k & 15] = walk(&g_ring, k, &g_outer);
  return g_table[3];
}
