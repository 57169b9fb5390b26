/// Whether this binary was built with optimisations (`-c release`); debug figures mean nothing.
#if DEBUG
    let isReleaseBuild = false
#else
    let isReleaseBuild = true
#endif
