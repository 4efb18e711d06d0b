/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl061.c: Arm PrimeCell PL061 GPIO (PL061 TRM, DDI 0190): address-masked GPIODATA, direction,
 * edge/level interrupt detection, alternate function select and the PrimeCell IDs. */
#include <stdlib.h>
#include "hw/gpio/pl061.h"
#include "qemu/log.h"

/* Register map (PL061 TRM 3.2, "Summary of PrimeCell GPIO registers"); all registers 8 bits. */
#define GPIODATA_END 0x400  /* 0x000-0x3FC: GPIODATA, address bits [9:2] mask the access */
#define GPIODIR   0x400     /* 1 = output */
#define GPIOIS    0x404     /* interrupt sense: 1 = level, 0 = edge */
#define GPIOIBE   0x408     /* both edges */
#define GPIOIEV   0x40c     /* event: 1 = rising edge / high level */
#define GPIOIE    0x410     /* interrupt mask: 1 = enabled */
#define GPIORIS   0x414     /* raw status, RO */
#define GPIOMIS   0x418     /* masked status, RO */
#define GPIOIC    0x41c     /* clear edge-detect interrupts, WO */
#define GPIOAFSEL 0x420     /* 1 = hardware (alternate function) control */
#define PL061_ID  0xfe0     /* GPIOPeriphID0..3, GPIOPCellID0..3 */

/* PeriphID0..3: part 0x061, designer 0x41 (Arm), revision 0; PCellID0..3 (TRM 3.3.11, 3.3.12). */
static const uint8_t pl061_ids[8] = { 0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

struct PL061State {
    MemoryRegion *mr;
    qemu_irq irq;
    qemu_irq out[PL061_NUM_PINS];
    uint8_t data;       /* output latch: the value driven on output pins */
    uint8_t in;         /* levels applied to the pins from outside */
    uint8_t dir, is, ibe, iev, ie, afsel;
    uint8_t edge_ris;   /* latched edge-detect interrupts */
    uint8_t pins;       /* pin levels as last seen by the edge detector */
    uint8_t driven;     /* output line levels last reported */
    int irq_level;
};

/* Software-controlled outputs drive GPIODATA; every other pin is not driven by the PL061 and
 * the board pulls it down (TRM 2.3: GPIOAFSEL selects hardware control). */
static uint8_t out_levels(const PL061State *s)
{
    return s->data & s->dir & (uint8_t)~s->afsel;
}

/* The level of each pin: outputs show what they drive, inputs what is applied. */
static uint8_t pin_levels(const PL061State *s)
{
    return out_levels(s) | (s->in & (uint8_t)~s->dir);
}

/* Level-sensitive interrupts follow the pin (TRM 3.3.3-3.3.5: IS = 1, IEV selects high/low);
 * edge-sensitive ones are latched until GPIOIC clears them. */
static uint8_t raw_status(const PL061State *s)
{
    return s->edge_ris | (s->is & (uint8_t)~(s->pins ^ s->iev));
}

static void pl061_update(PL061State *s)
{
    uint8_t pins = pin_levels(s), changed = pins ^ s->pins, lv = out_levels(s);
    uint8_t edges = changed & (uint8_t)~s->is;

    /* Edge detection (TRM 3.3.4, 3.3.5): any change with IBE, else the IEV direction. */
    s->edge_ris |= edges & (s->ibe | (uint8_t)~(pins ^ s->iev));
    s->pins = pins;
    for (int i = 0; i < PL061_NUM_PINS; i++) {
        if (((lv ^ s->driven) >> i) & 1) {
            s->driven ^= (uint8_t)(1u << i);
            qemu_set_irq(s->out[i], (lv >> i) & 1);
        }
    }
    int level = (raw_status(s) & s->ie) != 0;      /* GPIOINTR: OR of GPIOMIS (TRM 2.4) */
    if (level != s->irq_level) {
        s->irq_level = level;
        qemu_set_irq(s->irq, level);
    }
}

static uint8_t reg_read(PL061State *s, uint64_t reg)
{
    if (reg < GPIODATA_END) {
        return pin_levels(s) & (uint8_t)(reg >> 2);
    }
    switch (reg) {
    case GPIODIR: return s->dir;
    case GPIOIS: return s->is;
    case GPIOIBE: return s->ibe;
    case GPIOIEV: return s->iev;
    case GPIOIE: return s->ie;
    case GPIORIS: return raw_status(s);
    case GPIOMIS: return raw_status(s) & s->ie;
    case GPIOAFSEL: return s->afsel;
    }
    if (reg >= PL061_ID) {
        return pl061_ids[(reg - PL061_ID) >> 2];
    }
    if (reg != GPIOIC && reg < 0xfd0) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl061: read of reserved offset 0x%llx\n",
                      (unsigned long long)reg);
    }
    return 0;
}

static void reg_write(PL061State *s, uint64_t reg, uint8_t v)
{
    if (reg < GPIODATA_END) {
        /* Only the bits selected by address bits [9:2] and set as outputs change (TRM 3.3.1). */
        uint8_t mask = (uint8_t)(reg >> 2) & s->dir;
        s->data = (uint8_t)((s->data & ~mask) | (v & mask));
    } else {
        switch (reg) {
        case GPIODIR: s->dir = v; break;
        case GPIOIS: s->is = v; break;
        case GPIOIBE: s->ibe = v; break;
        case GPIOIEV: s->iev = v; break;
        case GPIOIE: s->ie = v; break;
        case GPIOIC: s->edge_ris &= (uint8_t)~v; break;
        case GPIOAFSEL: s->afsel = v; break;
        default:
            qemu_log_mask(LOG_GUEST_ERROR, "pl061: write to %s offset 0x%llx ignored\n",
                          reg == GPIORIS || reg == GPIOMIS || reg >= PL061_ID ? "read-only"
                                                                              : "reserved",
                          (unsigned long long)reg);
            return;
        }
    }
    pl061_update(s);
}

/* Registers are 8 bits wide in 32-bit words: wider accesses see 0 above bit 7, accesses to the
 * upper bytes of a word reach nothing. */
static MemTxResult pl061_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                              MemTxAttrs attrs)
{
    (void)size;
    (void)attrs;
    *data = (addr & 3) ? 0 : reg_read(opaque, addr);
    return MEMTX_OK;
}

static MemTxResult pl061_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                               MemTxAttrs attrs)
{
    (void)size;
    (void)attrs;
    if (!(addr & 3)) {
        reg_write(opaque, addr, (uint8_t)data);
    }
    return MEMTX_OK;
}

static const MemoryRegionOps pl061_ops = {
    .read = pl061_read, .write = pl061_write, .min_access = 1, .max_access = 4,
};

PL061State *pl061_create(const char *name, uint64_t base, qemu_irq irq,
                         AddressSpace *const *views, int nviews)
{
    PL061State *s = calloc(1, sizeof(*s));

    if (!s) {
        return NULL;
    }
    s->irq = irq;
    s->mr = memory_region_new_io(name, base, PL061_SIZE, &pl061_ops, s);
    if (!s->mr) {
        free(s);
        return NULL;
    }
    if (address_space_add_views(views, nviews, s->mr) < 0) {
        return NULL;
    }
    return s;
}

void pl061_connect_out(PL061State *s, int pin, qemu_irq line)
{
    if (pin >= 0 && pin < PL061_NUM_PINS) {
        s->out[pin] = line;
    }
}

void pl061_set_input(PL061State *s, int pin, int level)
{
    if (pin < 0 || pin >= PL061_NUM_PINS) {
        return;
    }
    s->in = (uint8_t)((s->in & ~(1u << pin)) | ((level ? 1u : 0u) << pin));
    pl061_update(s);
}

/* TRM 3.3: every register resets to 0 (all pins inputs, interrupts masked and clear). */
void pl061_reset(PL061State *s)
{
    s->data = s->dir = s->is = s->ibe = s->iev = s->ie = s->afsel = 0;
    s->edge_ris = 0;
    s->pins = pin_levels(s);
    pl061_update(s);
}
