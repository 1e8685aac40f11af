import Foundation
import TerroirServer

exit(await TerroirServerCommand.main())
