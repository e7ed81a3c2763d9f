#ifndef CLD2_SHIM_H
#define CLD2_SHIM_H
#ifdef __cplusplus
extern "C" {
#endif
int newsdrop_detect_language(const char *utf8, int length, char *code_out, int code_capacity, int *percent, int *is_reliable);
#ifdef __cplusplus
}
#endif
#endif
