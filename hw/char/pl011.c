/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl011.c: Arm PrimeCell UART PL011 (TRM DDI 0183): data, flags, line and control registers,
 * a 16-entry receive FIFO, the interrupt mask/status registers and the PrimeCell IDs. Baud rate
 * and line settings are accepted and have no effect on the host side. */
#include <stdlib.h>
#include <string.h>
#include "hw/char/pl011.h"
#include "qemu/log.h"

#define FR_BUSY (1u << 3)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define FR_RXFF (1u << 6)
#define FR_TXFE (1u << 7)
#define INT_RX  (1u << 4)
#define INT_TX  (1u << 5)
#define INT_RT  (1u << 6)
#define LCR_FEN (1u << 4)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define FIFO_DEPTH 16

struct Pl011State {
    MemoryRegion *mr;
    qemu_irq irq;
    Chardev *chr;
    uint32_t rx_fifo[FIFO_DEPTH];
    int rx_pos, rx_count;
    uint32_t rsr, lcr, cr, ifls, imsc, ris, ilpr, ibrd, fbrd, dmacr;
};

static const uint8_t pl011_id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static void pl011_update(Pl011State *s)
{
    qemu_set_irq(s->irq, (s->ris & s->imsc) != 0);
}

static int fifo_depth(Pl011State *s)
{
    return (s->lcr & LCR_FEN) ? FIFO_DEPTH : 1;
}

static MemTxResult pl011_read(void *opaque, uint64_t off, uint64_t *data, unsigned size,
                              MemTxAttrs attrs)
{
    Pl011State *s = opaque;
    uint32_t v = 0;

    switch (off) {
    case 0x000: /* UARTDR */
        if (s->rx_count) {
            v = s->rx_fifo[s->rx_pos];
            s->rx_pos = (s->rx_pos + 1) % FIFO_DEPTH;
            s->rx_count--;
        }
        if (s->rx_count == 0) {
            s->ris &= ~(INT_RX | INT_RT);
        }
        s->rsr = v >> 8;
        pl011_update(s);
        break;
    case 0x004: v = s->rsr; break;
    case 0x018: /* UARTFR: transmit is immediate, so TX is always empty */
        v = FR_TXFE | (s->rx_count == 0 ? FR_RXFE : 0) |
            (s->rx_count >= fifo_depth(s) ? FR_RXFF : 0);
        break;
    case 0x020: v = s->ilpr; break;
    case 0x024: v = s->ibrd; break;
    case 0x028: v = s->fbrd; break;
    case 0x02c: v = s->lcr; break;
    case 0x030: v = s->cr; break;
    case 0x034: v = s->ifls; break;
    case 0x038: v = s->imsc; break;
    case 0x03c: v = s->ris; break;
    case 0x040: v = s->ris & s->imsc; break;
    case 0x048: v = s->dmacr; break;
    default:
        if (off >= 0xfe0 && off < 0x1000) {
            v = pl011_id[(off - 0xfe0) >> 2];
        } else {
            qemu_log_mask(LOG_GUEST_ERROR, "pl011: read of bad offset 0x%x\n", (unsigned)off);
        }
        break;
    }
    *data = v;
    return MEMTX_OK;
}

static MemTxResult pl011_write(void *opaque, uint64_t off, uint64_t data, unsigned size,
                               MemTxAttrs attrs)
{
    Pl011State *s = opaque;
    uint32_t v = (uint32_t)data;

    switch (off) {
    case 0x000: { /* UARTDR */
        uint8_t c = (uint8_t)v;
        if (s->chr) {
            chardev_write(s->chr, &c, 1);
        }
        s->ris |= INT_TX;
        pl011_update(s);
        break;
    }
    case 0x004: s->rsr = 0; break;
    case 0x020: s->ilpr = v & 0xff; break;
    case 0x024: s->ibrd = v & 0xffff; break;
    case 0x028: s->fbrd = v & 0x3f; break;
    case 0x02c:
        /* Changing FEN empties the FIFOs */
        if ((v ^ s->lcr) & LCR_FEN) {
            s->rx_count = 0;
            s->rx_pos = 0;
        }
        s->lcr = v & 0xff;
        break;
    case 0x030: s->cr = v & 0xff87; break;
    case 0x034: s->ifls = v & 0x3f; break;
    case 0x038: s->imsc = v & 0x7ff; pl011_update(s); break;
    case 0x044: s->ris &= ~v; pl011_update(s); break;
    case 0x048:
        s->dmacr = v & 7;
        if (v & 3) {
            qemu_log_mask(LOG_UNIMP, "pl011: DMA is not modelled\n");
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "pl011: write of bad offset 0x%x\n", (unsigned)off);
        break;
    }
    return MEMTX_OK;
}

static const MemoryRegionOps pl011_ops = {
    .read = pl011_read,
    .write = pl011_write,
    .min_access = 1,
    .max_access = 4,
};

static int pl011_can_read(void *opaque)
{
    Pl011State *s = opaque;
    return fifo_depth(s) - s->rx_count;
}

static void pl011_receive(void *opaque, const uint8_t *buf, int len)
{
    Pl011State *s = opaque;

    for (int i = 0; i < len && s->rx_count < fifo_depth(s); i++) {
        s->rx_fifo[(s->rx_pos + s->rx_count) % FIFO_DEPTH] = buf[i];
        s->rx_count++;
    }
    s->ris |= INT_RX | INT_RT;
    pl011_update(s);
}

void pl011_reset(Pl011State *s)
{
    s->rx_pos = s->rx_count = 0;
    s->rsr = 0;
    s->lcr = 0;
    s->cr = 0x300;         /* TXE | RXE */
    s->ifls = 0x12;
    s->imsc = 0;
    s->ris = 0;
    s->ilpr = s->ibrd = s->fbrd = s->dmacr = 0;
    pl011_update(s);
}

Pl011State *pl011_create(const char *name, uint64_t base, qemu_irq irq, Chardev *chr,
                         AddressSpace *const *views, int nviews)
{
    Pl011State *s = calloc(1, sizeof(*s));

    if (!s) {
        return NULL;
    }
    s->irq = irq;
    s->chr = chr;
    s->mr = memory_region_new_io(name, base, 0x1000, &pl011_ops, s);
    if (address_space_add_views(views, nviews, s->mr) < 0) {
        return NULL;
    }
    if (chr) {
        chardev_set_handlers(chr, pl011_can_read, pl011_receive, s);
    }
    pl011_reset(s);
    return s;
}
