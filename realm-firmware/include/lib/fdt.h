/* SPDX-License-Identifier: BSD-3-Clause */
/* fdt.h: a read-only, bounds-checked flattened device tree (DTB) reader. */
#ifndef FW_LIB_FDT_H
#define FW_LIB_FDT_H
#include <stddef.h>
#include <stdint.h>

/*
 * Format: Devicetree Specification v0.4, chapter 5.  dtb_open checks the whole blob once (header,
 * block bounds and alignment, every token of the structure block, every property name) and every
 * accessor still checks the offsets it is given, so a hostile blob or a bad node offset yields an
 * error code and never an access outside [blob, blob + size).  Names use the dtb_ prefix so that
 * host builds can link beside libfdt.
 */

#define DTB_OK              0
#define DTB_E_BADMAGIC      (-1)    /* magic is not 0xd00dfeed */
#define DTB_E_BADVERSION    (-2)    /* not a version 17 compatible blob */
#define DTB_E_TRUNCATED     (-3)    /* totalsize or a block exceeds the buffer */
#define DTB_E_BADLAYOUT     (-4)    /* block offsets misaligned, overlapping the header, ... */
#define DTB_E_BADSTRUCT     (-5)    /* bad token, unterminated name, unbalanced nodes */
#define DTB_E_BADSTRING     (-6)    /* property name offset outside the strings block */
#define DTB_E_NOTFOUND      (-7)    /* no such node or property */
#define DTB_E_BADVALUE      (-8)    /* property has the wrong length or is not a string */
#define DTB_E_BADPATH       (-9)    /* path not absolute or malformed */
#define DTB_E_BADCELLS      (-10)   /* #address-cells / #size-cells unusable */
#define DTB_E_BADOFFSET     (-11)   /* node offset does not name a node */
#define DTB_E_BADARG        (-12)   /* NULL where a pointer is required */

#define DTB_MAX_DEPTH       64

struct dtb {
    const uint8_t *blob;
    uint32_t totalsize;
    uint32_t off_struct;
    uint32_t size_struct;
    uint32_t off_strings;
    uint32_t size_strings;
    uint32_t off_rsvmap;
    int root;               /* node offset of "/" */
};

/* Nodes are named by offsets into the structure block (>= 0); errors are negative. */
int dtb_open(struct dtb *d, const void *blob, size_t buf_size);
const char *dtb_strerror(int err);

int dtb_root(const struct dtb *d);
int dtb_find_path(const struct dtb *d, const char *path);
int dtb_first_child(const struct dtb *d, int node);
int dtb_next_sibling(const struct dtb *d, int node);
int dtb_parent(const struct dtb *d, int node);
/* The node's name ("memory@40000000"; "" for the root), or NULL for a bad offset. */
const char *dtb_node_name(const struct dtb *d, int node);

/* Raw property value: *val points into the blob, *len is its length. */
int dtb_get_prop(const struct dtb *d, int node, const char *name, const void **val,
                 uint32_t *len);
int dtb_prop_u32(const struct dtb *d, int node, const char *name, uint32_t *out);
/* Accepts one cell (zero-extended) or two. */
int dtb_prop_u64(const struct dtb *d, int node, const char *name, uint64_t *out);
/* Must be NUL-terminated inside the property. */
int dtb_prop_string(const struct dtb *d, int node, const char *name, const char **out);

/* #address-cells and #size-cells that apply to node's reg (its parent's, defaults 2 and 1). */
int dtb_reg_cells(const struct dtb *d, int node, uint32_t *addr_cells, uint32_t *size_cells);
/* Entry index of node's reg; DTB_E_NOTFOUND past the last one. */
int dtb_reg(const struct dtb *d, int node, uint32_t index, uint64_t *addr, uint64_t *size);

/* Memory-reservation block entry index; DTB_E_NOTFOUND at the terminator. */
int dtb_rsvmap(const struct dtb *d, uint32_t index, uint64_t *addr, uint64_t *size);

/*
 * Walk every reg range of every memory node (children of / with device_type = "memory", or named
 * memory[@...] without a device_type; status other than "okay" skips the node).  Start with
 * DTB_MEM_ITER_INIT; returns 1 with a range, 0 at the end (and on every later call), a negative
 * error otherwise.
 */
struct dtb_mem_iter {
    int node;           /* -1: not started, < -1: finished */
    uint32_t index;
};
#define DTB_MEM_ITER_INIT { -1, 0 }
int dtb_memory_next(const struct dtb *d, struct dtb_mem_iter *it, uint64_t *base, uint64_t *size);

#endif
