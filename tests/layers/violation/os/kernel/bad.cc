// Deliberately breaks the layering, for LayersCatchesViolation.
#include "hal/sim/sim_flash.h"
