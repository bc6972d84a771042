import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// System errors in the words a volunteer reads: French, with the path, never Foundation's
/// English text (`NSCocoaErrorDomain`…).
public enum FileErrors {
    /// A French reason for an `errno` value.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "droits insuffisants"
        case ENOENT: return "fichier ou dossier introuvable"
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota de disque dépassé"
        case EROFS: return "disque en lecture seule"
        case EEXIST: return "existe déjà"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier"
        case ENOTEMPTY: return "dossier non vide"
        case EBUSY: return "fichier ou dossier utilisé par un autre programme"
        case EXDEV: return "déplacement impossible d'un disque à un autre"
        case ELOOP: return "trop de liens symboliques"
        case ENAMETOOLONG: return "nom trop long"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case EIO: return "erreur de lecture ou d'écriture du disque"
        default: return "erreur système n° \(code)"
        }
    }

    /// The current `errno`, in French.
    public static var lastReason: String { reason(errno) }

    /// Any error thrown while reading or writing files, in French with its path when known.
    public static func describe(_ error: any Error) -> String {
        if let failure = error as? FileIO.Failure { return failure.description }
        let nsError = error as NSError
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        let why = reasonOnly(error)
        return path.map { "« \($0) » : \(why)" } ?? why
    }

    /// The French reason of an error, without its path.
    public static func reasonOnly(_ error: any Error) -> String {
        if let failure = error as? FileIO.Failure { return failure.reason }
        let nsError = error as NSError
        var code: Int32?
        if nsError.domain == NSPOSIXErrorDomain {
            code = Int32(nsError.code)
        } else if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        }
        let why: String
        if let code {
            why = reason(code)
        } else {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: why = reason(ENOENT)
            case .fileWriteNoPermission, .fileReadNoPermission: why = reason(EACCES)
            case .fileWriteOutOfSpace: why = reason(ENOSPC)
            case .fileWriteVolumeReadOnly: why = reason(EROFS)
            case .fileWriteFileExists: why = reason(EEXIST)
            default: why = "erreur de fichier n° \(nsError.code)"
            }
        }
        return why
    }
}

extension FileIO.Failure: CustomStringConvertible {
    public var description: String { "« \(path) » : \(reason)" }
}
