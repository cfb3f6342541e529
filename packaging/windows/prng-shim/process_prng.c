/* A stand-in bcryptprimitives.dll for testing under Wine before 9.0, which lacks it.
 * Rust's standard library asks bcryptprimitives.dll for ProcessPrng (random bytes for HashMap seeds);
 * this DLL answers with RtlGenRandom (advapi32's SystemFunction036), which every Wine has.
 * Used only by packaging/test-windows-wine.sh, next to the .exe in the test folder; never shipped. */
#include <windows.h>
#define SECURITY_WIN32
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
