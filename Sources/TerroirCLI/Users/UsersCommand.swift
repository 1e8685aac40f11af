import ArgumentParser
import CatalogStore

/// `terroir users ...`: the people who sign in to the web console.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create, list, reset and disable the people who sign in to the web console.",
        subcommands: [UsersCreateCommand.self, UsersListCommand.self, UsersResetPasswordCommand.self, UsersDisableCommand.self]
    )
}

extension PersonRole: ExpressibleByArgument {}

/// `terroir users create --role ROLE --name LOGIN --display-name NAME [scope]`.
struct UsersCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a person with a one-time password, printed once; they change it at their first sign-in.",
        discussion: """
        officer: --brand ID (repeatable), the brands they supervise. producer: --producer ID. \
        station: --village CODE (repeatable), the villages the station serves.
        """
    )

    @Option(help: "officer, producer or station.") var role: PersonRole
    @Option(help: "What they sign in with: 3 to 40 of a-z 0-9 . _ -.") var name: String
    @Option(help: "Their name as pages show it (may be Chinese).") var displayName: String?
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let scope = try scope.scope(role: role.rawValue, in: catalog)
        let (person, password) = try catalog.createPerson(login: name, displayName: displayName ?? name, role: role, scope: scope, actor: store.actorName)
        print("\(person.login) (\(role.rawValue), scope [\(scope.joined(separator: ", "))]): one-time password \(password)")
        print("Give it to them now: it is not shown again, and they choose their own at the first sign-in. / 请立即交给本人：密码不会再次显示，首次登录时须改为自己的密码。")
    }
}

/// `terroir users list`.
struct UsersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people (never their passwords).")

    @Flag(help: "As JSON.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let people = try store.open().people()
        if json { return try JSONOutput.print(people) }
        if people.isEmpty { return print("no people / 没有用户") }
        for person in people {
            var state = person.disabledAt.map { "disabled \($0)" } ?? "active"
            if person.mustChangePassword { state += ", one-time password" }
            if let until = person.lockedUntil { state += ", locked until \(until)" }
            print("\(person.login)  \(person.role.rawValue)  \(person.displayName)  scope [\(person.scope.joined(separator: ", "))]  created \(person.createdAt)  \(state)")
        }
    }
}

/// `terroir users reset-password LOGIN`.
struct UsersResetPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset-password",
                                                    abstract: "Give a person a new one-time password (and lift a lockout); printed once.")

    @Argument(help: "Their sign-in name.") var login: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let password = try store.open().resetPassword(login: login, actor: store.actorName)
        print("\(login): one-time password \(password)")
    }
}

/// `terroir users disable LOGIN`.
struct UsersDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop a person from signing in, at once.")

    @Argument(help: "Their sign-in name.") var login: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let disabled = try store.open().disablePerson(login: login, actor: store.actorName)
        print(disabled ? "\(login): disabled / 已停用" : "\(login): disabled already / 已是停用状态")
    }
}
