// Deliberately breaks the layering, for LayersCatchesViolation.
#include <SDL2/SDL.h>
