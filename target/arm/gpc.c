/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc.c: RME: the Granule Protection Check. Placeholder until the GPT walk lands: with
 * GPCCR_EL3.GPC == 0 every access passes, which is what this returns for all configurations. */
#include "exec/tb.h"
#include "gpc.h"
#include "syndrome.h"

bool arm_gpc_check(CPUARMState *env, uint64_t pa, ArmSecuritySpace pas, GpcFault *f)
{
    (void)env;
    (void)pa;
    (void)pas;
    f->kind = GPC_OK;
    return true;
}

void arm_gpc_raise(CPUARMState *env, const GpcFault *f, const GpcAccess *a)
{
    (void)f;
    (void)a;
    raise_exception(env, EXCP_GPC, EC_GPC << ARM_EL_EC_SHIFT, 3);
}
