import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;

/**
 * Prints module/package for every package of the running JDK's modules, which the native-image builder needs
 * exported to it (the GraalVM driver passes these exports). Skipped: the compiler module the builder replaces on
 * its upgrade module path, and two tool modules the builder never reads.
 */
public class ListPackages {
    public static void main(String[] args) {
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            String name = module.descriptor().name();
            if (name.equals("jdk.graal.compiler") || name.equals("jdk.hotspot.agent") || name.equals("jdk.jcmd")) {
                continue;
            }
            module.descriptor().packages().stream().sorted().forEach(p -> System.out.println(name + "/" + p));
        }
    }
}
