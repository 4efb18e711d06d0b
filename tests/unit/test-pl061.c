/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-pl061.c: PL061 GPIO registers, masked data, output lines, interrupts and IDs
 * (PrimeCell PL061 TRM, Arm DDI 0190). */
#include <glib.h>
#include "cpu-stubs.h"
#include "hw/gpio/pl061.h"
#include "qemu/log.h"

#define BASE 0x090b0000ull

static AddressSpace as;
static PL061State *gpio;
static int irq_level;
static int line_level[PL061_NUM_PINS];
static int line_calls[PL061_NUM_PINS];

static void irq_handler(void *opaque, int n, int level)
{
    (void)opaque;
    (void)n;
    irq_level = level;
}

static void line_handler(void *opaque, int n, int level)
{
    (void)opaque;
    line_level[n] = level;
    line_calls[n]++;
}

static uint32_t rd(uint64_t off, unsigned size)
{
    uint64_t v = 0xdeadbeef;
    g_assert_cmpint(address_space_ld(&as, BASE + off, size, &v, MEMTXATTRS_UNSPECIFIED), ==,
                    MEMTX_OK);
    return (uint32_t)v;
}

static void wr(uint64_t off, uint32_t v, unsigned size)
{
    g_assert_cmpint(address_space_st(&as, BASE + off, size, v, MEMTXATTRS_UNSPECIFIED), ==,
                    MEMTX_OK);
}

static void setup(void)
{
    AddressSpace *views[1] = { &as };

    address_space_init(&as, "test");
    irq_level = 0;
    for (int i = 0; i < PL061_NUM_PINS; i++) {
        line_level[i] = 0;
        line_calls[i] = 0;
    }
    gpio = pl061_create("pl061", BASE, qemu_allocate_irq(irq_handler, NULL, 0), views, 1);
    g_assert_nonnull(gpio);
    for (int i = 0; i < PL061_NUM_PINS; i++) {
        pl061_connect_out(gpio, i, qemu_allocate_irq(line_handler, NULL, i));
    }
    pl061_reset(gpio);
}

/* Reset values (TRM 3.3: all 0) and the PrimeCell identification registers (3.3.11, 3.3.12). */
static void test_reset_and_ids(void)
{
    static const uint8_t ids[8] = { 0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

    setup();
    for (uint64_t off = 0x400; off <= 0x420; off += 4) {
        g_assert_cmpuint(rd(off, 4), ==, 0);
    }
    g_assert_cmpuint(rd(0x3fc, 4), ==, 0);
    for (int i = 0; i < 8; i++) {
        g_assert_cmpuint(rd(0xfe0 + 4 * i, 4), ==, ids[i]);
        g_assert_cmpuint(rd(0xfe0 + 4 * i, 1), ==, ids[i]);
    }
}

/* Registers are 8 bits wide: a 32-bit write keeps bits [7:0] (TRM 3.3). */
static void test_register_width(void)
{
    setup();
    wr(0x400, 0xffffff5a, 4);
    g_assert_cmpuint(rd(0x400, 4), ==, 0x5a);
    wr(0x420, 0x1ff, 4);
    g_assert_cmpuint(rd(0x420, 4), ==, 0xff);
    for (uint64_t off = 0x404; off <= 0x410; off += 4) {
        wr(off, 0xa5, 1);
        g_assert_cmpuint(rd(off, 1), ==, 0xa5);
    }
}

/* GPIODATA: address bits [9:2] select which bits a read returns and a write changes; writes
 * reach only pins set as outputs (TRM 3.3.1). */
static void test_data_masking(void)
{
    setup();
    wr(0x400, 0xff, 1);                    /* all outputs */
    wr(0x3fc, 0xff, 1);                    /* mask 0xff: all ones */
    g_assert_cmpuint(rd(0x3fc, 1), ==, 0xff);
    wr(0x0c, 0x00, 1);                     /* mask 0x03: clears bits 0 and 1 only */
    g_assert_cmpuint(rd(0x3fc, 1), ==, 0xfc);
    g_assert_cmpuint(rd(0x04, 1), ==, 0x00);   /* mask 0x01 */
    g_assert_cmpuint(rd(0x10, 1), ==, 0x04);   /* mask 0x04 */
    g_assert_cmpuint(rd(0x300, 4), ==, 0xc0);  /* mask 0xc0 */
    g_assert_cmpuint(rd(0x000, 4), ==, 0x00);  /* mask 0: reads 0 */
    wr(0x000, 0x00, 4);                        /* mask 0: changes nothing */
    g_assert_cmpuint(rd(0x3fc, 1), ==, 0xfc);
    wr(0x400, 0x0f, 1);                        /* pins 4..7 inputs, nothing applied */
    g_assert_cmpuint(rd(0x3fc, 1), ==, 0x0c);
    wr(0x3fc, 0xf3, 1);                        /* only the output bits change */
    g_assert_cmpuint(rd(0x3fc, 1), ==, 0x03);
    pl061_set_input(gpio, 6, 1);               /* an input reads the applied level */
    g_assert_cmpuint(rd(0x3fc, 1), ==, 0x43);
    pl061_set_input(gpio, 1, 0);               /* ignored: pin 1 is an output */
    g_assert_cmpuint(rd(0x08, 1), ==, 0x02);
}

/* Output lines follow DATA & DIR, change only on a level change, and are not driven under
 * hardware control (GPIOAFSEL, TRM 3.3.10) or as inputs. */
static void test_output_lines(void)
{
    setup();
    wr(0x004, 0x01, 1);                    /* pin 0 still an input: nothing driven */
    g_assert_cmpint(line_calls[0], ==, 0);
    wr(0x400, 0x01, 1);                    /* output, latch 0 */
    g_assert_cmpint(line_calls[0], ==, 0);
    wr(0x004, 0x01, 1);                    /* rising */
    g_assert_cmpint(line_level[0], ==, 1);
    g_assert_cmpint(line_calls[0], ==, 1);
    wr(0x004, 0x01, 1);                    /* same level: no call */
    g_assert_cmpint(line_calls[0], ==, 1);
    wr(0x420, 0x01, 1);                    /* hardware control: the PL061 stops driving */
    g_assert_cmpint(line_level[0], ==, 0);
    wr(0x420, 0x00, 1);
    g_assert_cmpint(line_level[0], ==, 1);
    wr(0x400, 0x00, 1);                    /* back to input: pulled down */
    g_assert_cmpint(line_level[0], ==, 0);
    wr(0x400, 0x02, 1);
    wr(0x008, 0x02, 1);
    g_assert_cmpint(line_level[1], ==, 1);
    pl061_reset(gpio);                     /* reset makes every pin an input */
    g_assert_cmpint(line_level[1], ==, 0);
    g_assert_cmpuint(rd(0x400, 1), ==, 0);
    g_assert_cmpint(line_calls[2], ==, 0);
}

/* Edge interrupts: IEV selects rising or falling, IBE both; latched in RIS until GPIOIC;
 * MIS = RIS & IE drives GPIOINTR (TRM 3.3.3-3.3.9). */
static void test_edge_interrupts(void)
{
    setup();
    wr(0x40c, 0x01, 1);                    /* pin 0 rising, pin 1 falling */
    wr(0x408, 0x04, 1);                    /* pin 2 both edges */
    pl061_set_input(gpio, 1, 1);           /* a rising edge on a falling-edge pin */
    g_assert_cmpuint(rd(0x414, 1), ==, 0x00);
    pl061_set_input(gpio, 0, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x01);
    g_assert_cmpuint(rd(0x418, 1), ==, 0x00);  /* masked */
    g_assert_cmpint(irq_level, ==, 0);
    wr(0x410, 0x07, 1);
    g_assert_cmpuint(rd(0x418, 1), ==, 0x01);
    g_assert_cmpint(irq_level, ==, 1);
    pl061_set_input(gpio, 0, 0);           /* still latched after the pin falls */
    g_assert_cmpuint(rd(0x414, 1), ==, 0x01);
    wr(0x41c, 0x01, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x00);
    g_assert_cmpint(irq_level, ==, 0);
    pl061_set_input(gpio, 1, 0);           /* falling edge */
    g_assert_cmpuint(rd(0x414, 1), ==, 0x02);
    wr(0x41c, 0xff, 1);
    pl061_set_input(gpio, 2, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x04);
    wr(0x41c, 0x04, 1);
    pl061_set_input(gpio, 2, 0);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x04);
    g_assert_cmpint(irq_level, ==, 1);
    wr(0x410, 0x00, 1);                    /* IE = 0 lowers GPIOINTR, RIS stays */
    g_assert_cmpint(irq_level, ==, 0);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x04);
    wr(0x41c, 0x04, 1);
    /* An output pin is a pin too: driving it high is a rising edge. */
    wr(0x400, 0x01, 1);
    wr(0x004, 0x01, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x01);
}

/* Level interrupts (IS = 1) follow the pin: high with IEV = 1, low with IEV = 0; GPIOIC does
 * not clear them while the level lasts (TRM 3.3.3, 3.3.9). */
static void test_level_interrupts(void)
{
    setup();
    wr(0x404, 0x03, 1);                    /* pins 0 and 1 level-sensitive */
    wr(0x40c, 0x01, 1);                    /* pin 0 high, pin 1 low */
    g_assert_cmpuint(rd(0x414, 1), ==, 0x02);  /* pin 1 is low now */
    wr(0x410, 0x03, 1);
    g_assert_cmpint(irq_level, ==, 1);
    wr(0x41c, 0x02, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x02);
    pl061_set_input(gpio, 1, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x00);
    g_assert_cmpint(irq_level, ==, 0);
    pl061_set_input(gpio, 0, 1);
    g_assert_cmpuint(rd(0x418, 1), ==, 0x01);
    g_assert_cmpint(irq_level, ==, 1);
    pl061_set_input(gpio, 0, 0);
    g_assert_cmpint(irq_level, ==, 0);
}

/* GPIORIS/GPIOMIS are read-only, GPIOIC write-only (reads 0), reserved space RAZ/WI. */
static void test_read_only_and_reserved(void)
{
    setup();
    wr(0x40c, 0x01, 1);
    pl061_set_input(gpio, 0, 1);
    wr(0x414, 0x00, 1);
    g_assert_cmpuint(rd(0x414, 1), ==, 0x01);
    g_assert_cmpuint(rd(0x41c, 1), ==, 0x00);
    wr(0x500, 0xff, 4);
    g_assert_cmpuint(rd(0x500, 4), ==, 0);
    wr(0xfe0, 0x00, 4);
    g_assert_cmpuint(rd(0xfe0, 4), ==, 0x61);
    g_assert_cmpuint(rd(0x401, 1), ==, 0);    /* the upper bytes of a register word */
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pl061/reset-and-ids", test_reset_and_ids);
    g_test_add_func("/pl061/register-width", test_register_width);
    g_test_add_func("/pl061/data-masking", test_data_masking);
    g_test_add_func("/pl061/output-lines", test_output_lines);
    g_test_add_func("/pl061/edge-interrupts", test_edge_interrupts);
    g_test_add_func("/pl061/level-interrupts", test_level_interrupts);
    g_test_add_func("/pl061/read-only-and-reserved", test_read_only_and_reserved);
    return g_test_run();
}
