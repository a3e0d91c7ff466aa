/*
 * inventory.c: a small warehouse program that crashes on purpose.
 *
 * It is a wasmcore sample: built for wasm32-wasi, it runs until record_movement()
 * stores through a slot index computed from a corrupted hash, far beyond linear
 * memory, and the engine traps with "memory access out of bounds". The call chain at
 * the trap is main -> run_day -> restock -> record_movement, so the dump has several
 * frames of user code plus the C library's start-up frames.
 *
 * Everything a debugger must be able to show is alive at the trap: structs and nested
 * structs, pointers (NULL, into an array, a self-referencing list with a cycle), 1-D,
 * 2-D and a big (1500 element) array, char arrays and string pointers, a plain and a
 * flag-style enum, a union, bitfields, function pointers, a static local and globals.
 * The values are fixed by this source; the expected files in src/out/expected list them.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum Category { CAT_TOOLS, CAT_FOOD, CAT_TOYS, CAT_BOOKS };

/* flag-style enum: values are combined with | */
enum Access { ACC_NONE = 0, ACC_READ = 1, ACC_WRITE = 2, ACC_AUDIT = 4, ACC_ADMIN = 8 };

typedef struct Dimensions { short width; short height; short depth; } Dimensions;

typedef struct Location {
    char aisle;            /* 'A'..'Z' */
    int shelf;
    Dimensions bin;        /* nested twice: Item.where.bin.width */
} Location;

typedef union Price {      /* the same 4 bytes seen three ways */
    int32_t cents;
    float ratio;
    unsigned char raw[4];
} Price;

typedef struct Status {    /* bitfields, packed into one 32-bit word */
    unsigned in_stock : 1;
    unsigned fragile : 1;
    unsigned priority : 3;
    signed temperature : 6;
    unsigned batch : 12;
} Status;

typedef struct Item {
    char name[12];
    int quantity;
    enum Category category;
    Location where;
    Price price;
    Status status;
    double weight;
    struct Item *next;     /* self-referencing list */
} Item;

typedef int (*Rule)(int stock, int delta);

typedef struct Ledger {
    int entries[64];
    int count;
    const char *owner;
} Ledger;

/* ---- globals */
int g_day = 7;
const char *g_site = "north-depot";
__attribute__((used)) double g_tax = 0.125;
__attribute__((used)) enum Access g_access = ACC_READ | ACC_WRITE | ACC_AUDIT;
int g_history[1500];                       /* big array: g_history[i] = i * 3 */
__attribute__((used)) int g_grid[3][4] = {{1, 2, 3, 4}, {10, 20, 30, 40}, {100, 200, 300, 400}};
__attribute__((used)) Item *g_null_item = NULL;
__attribute__((used)) Item g_loop = { "loop", 1, CAT_BOOKS, { 'Z', 9, { 1, 1, 1 } }, { 0 }, { 0 }, 0.5, &g_loop };

static int add_rule(int stock, int delta) { return stock + delta; }
static int cap_rule(int stock, int delta) { return stock + delta > 500 ? 500 : stock + delta; }
static Rule g_rules[2] = { add_rule, cap_rule };

/* The trap: the slot index comes from a corrupted hash and is far out of range. */
__attribute__((noinline)) void record_movement(Ledger *ledger, Item *item, int delta) {
    static int movements = 0;              /* static local: counts calls */
    movements++;
    unsigned hash = (unsigned)item->quantity * 2654435761u;
    int slot = (int)(hash >> 2) + delta;    /* should have been "% 64" */
    ledger->entries[slot] = delta;          /* traps: memory access out of bounds */
    ledger->count++;
}

__attribute__((noinline)) int restock(Ledger *ledger, Item *item, Rule rule, int delta) {
    int before = item->quantity;
    int after = rule(before, delta);
    char note[24];
    snprintf(note, sizeof note, "%s+%d", item->name, delta);
    item->quantity = after;
    if (after > 200)                        /* only the big delivery reaches the ledger */
        record_movement(ledger, item, after - before);
    return after + (int)strlen(note);
}

__attribute__((noinline)) int run_day(Ledger *ledger, Item *first, int day) {
    int total = 0;
    int round = 0;
    for (Item *it = first; it != NULL && round < 10; it = it->next, round++) {
        Rule rule = g_rules[round % 2];
        total += restock(ledger, it, rule, day * (round + 1) * 30);
    }
    return total;
}

int main(int argc, char **argv) {
    Item hammer = { "hammer", 12, CAT_TOOLS, { 'C', 4, { 30, 5, 10 } },
                    { .cents = 1999 }, { 1, 0, 3, -5, 417 }, 0.75, NULL };
    Item apples = { "apples", 80, CAT_FOOD, { 'F', 1, { 40, 30, 20 } },
                    { .ratio = 0.5f }, { 1, 1, 5, 4, 12 }, 12.5, &hammer };
    Item robot = { "robot", 3, CAT_TOYS, { 'T', 7, { 25, 25, 40 } },
                   { .raw = { 1, 2, 3, 4 } }, { 0, 1, 1, -20, 4095 }, 2.25, &apples };
    static Ledger ledger = { { 0 }, 0, "main ledger" };
    int primes[8] = { 2, 3, 5, 7, 11, 13, 17, 19 };
    char label[16] = "warehouse";
    const char *motto = "count twice, ship once";
    Item *cursor = &apples;                 /* a pointer into the list */
    enum Category favourite = CAT_TOYS;
    enum Access mode = ACC_READ | ACC_ADMIN;
    Rule chosen = cap_rule;

    for (int i = 0; i < 1500; i++)
        g_history[i] = i * 3;
    printf("%s %s: %d items, %d primes, %s\n", label, g_site, argc, primes[7], motto);
    int total = run_day(&ledger, &robot, g_day);
    printf("total %d %d %d %d\n", total, cursor->quantity, favourite, mode + chosen(1, 2));
    return 0;
}
