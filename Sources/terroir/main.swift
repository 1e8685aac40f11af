import Foundation
import TerroirCLI

exit(await TerroirMain.run())
